import FuzzSupport

// libFuzzer runs `fuzz` (FuzzNpy.swift) on each input.
runFuzzer(fuzz)
