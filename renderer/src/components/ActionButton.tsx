// A small button in a table row or card: the visible word ("Endre") and, for screen readers, what it acts on ("Endre HLR-kurs, 12.03.2025").
interface ActionButtonProps {
  label: string;
  /** Read after the label by screen readers only. */
  about: string;
  onClick: () => void;
  /** A delete: red outline. */
  danger?: boolean;
  className?: string;
}

export function ActionButton({ label, about, onClick, danger = false, className }: ActionButtonProps) {
  return (
    <button type="button" className={['button button--small', danger ? 'button--danger' : '', className ?? ''].filter(Boolean).join(' ')} onClick={onClick}>
      {label}
      <span className="visually-hidden"> {about}</span>
    </button>
  );
}
