package billing.api;

final class ExportRoutes {}
