"""India: Aadhaar, PAN, passport, voter ID (EPIC), driving licence, PIN code."""
