package billing.util;

final class CsvEscaping {}
