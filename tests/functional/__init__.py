"""Front ends driven in process: the Textual app through Pilot, the command line through main()."""
