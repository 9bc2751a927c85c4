# Marketplace returns on the after-sales pages (issue 8): needs attention, platform status, linking by hand.
T = [
    ("MK_NeedsAttention", "Needs attention", "Perlu perhatian"),
    ("MK_PlatformStatus", "Platform status", "Status platform"),
    ("MK_LinkTitle", "Link to the original order", "Tautkan ke pesanan asal"),
    ("MK_LinkHelp",
     "The platform's order number matched no order here. "
     "Link it to the distribution order or to your own store order it belongs to.",
     "Nomor pesanan platform tidak cocok dengan pesanan mana pun di sini. "
     "Tautkan ke pesanan distribusi atau pesanan toko Anda sendiri."),
    ("MK_LinkDistribution", "Distribution order", "Pesanan distribusi"),
    ("MK_LinkStore", "Store order", "Pesanan toko"),
    ("MK_LinkOrderId", "Order ID", "ID pesanan"),
    ("MK_Link", "Link", "Tautkan"),
    ("MK_Linked", "Linked to the order.", "Tertaut ke pesanan."),
    ("MK_NeedsAttentionOnly", "Needs attention only", "Hanya yang perlu perhatian"),
]
