/** A yes/no remembered in this browser's localStorage (first-visit hints); storage that throws counts as unset. */

/** Whether `key` was set in an earlier visit. */
export function readFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

/** Sets or clears `key` for later visits; a browser that refuses storage just forgets. */
export function writeFlag(key: string, value: boolean): void {
  try {
    if (value) localStorage.setItem(key, '1');
    else localStorage.removeItem(key);
  } catch {
    /* storage disabled: the hint shows again next visit */
  }
}
