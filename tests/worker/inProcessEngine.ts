/**
 * The engine worker's host in this process, behind a MessageChannel, and a client on the other port: what the
 * node tests of worker commands and store controllers talk to. What closes both goes into `stops`.
 */
import type { BackendFactories } from '../../src/worker/backendFactories';
import { EngineClient } from '../../src/worker/engineClient';
import { serveEngine } from '../../src/worker/engineHost';

export function inProcessEngine(stops: (() => void)[], factories?: BackendFactories): EngineClient {
  const channel = new MessageChannel();
  stops.push(serveEngine(channel.port2 as never, factories));
  const client = new EngineClient(channel.port1 as never);
  stops.push(() => {
    client.dispose();
    channel.port1.close();
    channel.port2.close();
  });
  return client;
}
