"""Recognizers for one country's identifiers and formats, one folder per country (india/, us/)."""
