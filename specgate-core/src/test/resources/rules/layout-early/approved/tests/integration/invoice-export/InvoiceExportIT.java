package billing.export;

class InvoiceExportIT {}
