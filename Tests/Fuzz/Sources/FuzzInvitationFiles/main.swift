import FuzzSupport

// libFuzzer runs `fuzz` (FuzzInvitationFiles.swift) on each input.
runFuzzer(fuzz)
