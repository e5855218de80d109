/**
 * Yields to the event loop through a MessageChannel round trip: unlike setTimeout (clamped to 4 ms
 * in workers), it resumes as soon as the messages already queued have been handled.
 */
export function createWaitTurn(): () => Promise<void> {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(0);
    });
}

/**
 * Sleeps about a millisecond (setTimeout; 4 ms once nested): for polling a GPU fence. Spinning on
 * MessageChannel turns instead would take a CPU core from a software GPU that needs it to finish.
 */
export function pollSleep(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1));
}
