import { useAppStore } from '../../store/appStore';
import './share.css';

/** The short note naming what the page's address carried that could not be used (malformed, outdated, not here); dismissible. */
export function AddressNote() {
  const note = useAppStore((s) => s.addressNote);
  return (
    <div role="status">
      {note && (
        <div className="address-note" data-testid="address-note">
          <p>{note}</p>
          <button
            type="button"
            aria-label="Dismiss the note about the address"
            onClick={() => useAppStore.getState().set({ addressNote: null })}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
