class InvoiceExportTest {}
