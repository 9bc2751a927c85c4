T = [
 ("Export", "Export", "Ekspor"),
 ("ExportExcel", "Export to Excel", "Ekspor ke Excel"),
 ("ExportCsv", "Export to CSV", "Ekspor ke CSV"),
 ("ExportCut", "Only the first {0} rows were exported; narrow the filters for the rest.",
   "Hanya {0} baris pertama yang diekspor; persempit filter untuk sisanya."),
]
