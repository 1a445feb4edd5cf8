"""Reports built on a decided case: personnel totals, layouts and exports (one module per output or report)."""
