"""Data contracts: per-dataset promises (allowed types, justifying categories, rules), drafted from a scan and
checked in CI with Great Expectations. Kept free of heavy imports: see model, draft, check, expectations."""
