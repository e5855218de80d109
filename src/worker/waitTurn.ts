/**
 * Yields to the event loop through a MessageChannel round trip: unlike setTimeout (clamped to 4 ms
 * in workers), it resumes as soon as the messages already queued have been handled.
 */
export function createWaitTurn(): () => Promise<void> {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () => new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });
}
