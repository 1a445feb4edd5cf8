"""Case files in: their format (schema), reading (safe YAML, fast JSON, from memory), merging and the checks
across entities. The first step of files -> case -> facts -> rules -> decisions -> outputs."""
