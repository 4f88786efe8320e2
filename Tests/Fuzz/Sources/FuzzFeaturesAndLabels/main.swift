import FuzzSupport

// libFuzzer runs `fuzz` (FuzzFeaturesAndLabels.swift) on each input.
runFuzzer(fuzz)
