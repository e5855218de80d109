/// <reference lib="webworker" />
/** The engine worker's entry: serves the protocol on the worker's own message port. */
import { serveEngine } from './engineHost';

serveEngine(self as unknown as DedicatedWorkerGlobalScope);
