"""Risk scores: jurisdiction exposure, certification gaps, service fidelity, concentration."""
