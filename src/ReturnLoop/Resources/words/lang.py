# Languages, formatting and the good-manners pass over the first pages (prefix LG_).
T = [
 ("LG_SelectOrder", "Select order {0}", "Pilih pesanan {0}"),
 ("LG_GoToAfterSales", "Approve an after-sales order in After Sales Orders", "Setujui pesanan purna jual di Pesanan Purna Jual"),
 ("LG_NotFoundHelp", "It may have been removed, or it belongs to another account.",
   "Mungkin sudah dihapus, atau milik akun lain."),
]
