import { useEffect, useState } from 'react';
import { frameHolder } from '../../store/frameHolder';

/** Re-renders when the shown frame changes (checked once per animation frame); returns frameHolder.version. */
export function useFrameVersion(): number {
  const [version, setVersion] = useState(frameHolder.version);
  useEffect(() => {
    let id = 0;
    const tick = () => {
      if (frameHolder.version !== version) setVersion(frameHolder.version);
      id = requestAnimationFrame(tick);
    };
    id = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(id);
  }, [version]);
  return version;
}
