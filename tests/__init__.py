"""The suite: unit (the core), functional (front ends in process), e2e (the installed command)."""
