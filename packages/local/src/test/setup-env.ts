import { inject } from "vitest";
import { applyLocalEnv } from "../engines/local-env";

// Runs in every test worker before its test file: point core at the run's local engines.
applyLocalEnv(inject("localEnv"));
