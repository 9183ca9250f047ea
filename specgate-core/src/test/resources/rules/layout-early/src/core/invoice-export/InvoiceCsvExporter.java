package billing.export;

/** Streams invoices as CSV rows. */
public final class InvoiceCsvExporter {}
