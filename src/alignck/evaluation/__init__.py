"""Measure alignck against labelled data: dataset loading, metrics, calibration."""
