import { create } from 'zustand';

export type ToastKind = 'success' | 'error' | 'info';

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  action?: { label: string; run: () => void };
}

interface ToastState {
  toasts: Toast[];
  show: (toast: Omit<Toast, 'id'>, timeoutMs?: number) => number;
  dismiss: (id: number) => void;
}

let nextId = 1;

/** Short notices (saved, deleted with undo, errors in words); errors stay longer. */
export const useToastStore = create<ToastState>((set, get) => ({
  toasts: [],
  show: (toast, timeoutMs) => {
    const id = nextId++;
    set({ toasts: [...get().toasts.slice(-3), { ...toast, id }] });
    const ttl = timeoutMs ?? (toast.kind === 'error' ? 8000 : toast.action ? 7000 : 3500);
    setTimeout(() => get().dismiss(id), ttl);
    return id;
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((toast) => toast.id !== id) }),
}));

export function toast(kind: ToastKind, message: string, action?: Toast['action']): number {
  return useToastStore.getState().show(action ? { kind, message, action } : { kind, message });
}
