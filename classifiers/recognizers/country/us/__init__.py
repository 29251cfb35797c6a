"""United States: SSN, ZIP code."""
