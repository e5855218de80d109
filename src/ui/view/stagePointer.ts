/**
 * The pointer over the 3D view, in CSS pixels from the view's top-left corner: written by the view's
 * pointer handler, read by the tooltip to follow it (outside React state: it changes every event).
 */
export const stagePointer = {
  x: 0,
  y: 0,
  /** True while a mouse (or pen) hovers the view; touch taps pin nodes instead. */
  hovering: false,
  listeners: new Set<() => void>(),
};

/** Records a pointer event on the view `element` and tells the listeners. */
export function trackStagePointer(event: React.PointerEvent<HTMLElement>, inside: boolean): void {
  const rect = event.currentTarget.getBoundingClientRect();
  stagePointer.x = event.clientX - rect.left;
  stagePointer.y = event.clientY - rect.top;
  stagePointer.hovering = inside && event.pointerType !== 'touch';
  stagePointer.listeners.forEach((listener) => listener());
}
