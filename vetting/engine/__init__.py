"""Running the compiled rules: a guarded durable_rules (durable), exact parts of a case (partition) and the
parts on every core (parallel)."""
