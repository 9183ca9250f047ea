package billing.export;

record KeysetCursor(long accountId, long lastId) {}
