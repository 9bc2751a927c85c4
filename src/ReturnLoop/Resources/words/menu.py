T = [
 ("MerchantSkus", "Merchant SKUs", "SKU Merchant"),
 ("RefundOrders", "Refund Orders", "Pesanan Pengembalian Dana"),
 ("CustomerBalances", "Customer Balances", "Saldo Pelanggan"),
 ("Skus", "SKUs", "SKU"),
 ("OrdersAndStock", "Orders & stock", "Pesanan & stok"),
 ("DistributionOrders", "Distribution Orders", "Pesanan Distribusi"),
 ("Stock", "Stock", "Stok"),
 ("Warehouses", "Warehouses", "Gudang"),
 ("Partnerships", "Partnerships", "Kemitraan"),
 ("Settings", "Settings", "Pengaturan"),
 ("ApiKeys", "API keys", "Kunci API"),
 ("WebhookEndpoints", "Webhooks", "Webhook"),
]
