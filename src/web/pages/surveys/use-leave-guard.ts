import { useCallback, useEffect, useRef } from 'react';
import { App } from 'antd';
import { useBlocker } from 'react-router';

/**
 * Asks before leaving a page whose work is not saved (a survey being built, answers being
 * collected): a tap on the menu or the back link should not throw away an interview. Returns
 * `allowLeave`, to call just before navigating away on purpose (after saving).
 */
export function useLeaveGuard(active: boolean, texts: { title: string; content: string; ok: string; cancel: string }): () => void {
  const { modal } = App.useApp();
  const activeRef = useRef(active);
  const allowed = useRef(false);
  activeRef.current = active;
  const blocker = useBlocker(({ currentLocation, nextLocation }) => activeRef.current && !allowed.current && currentLocation.pathname !== nextLocation.pathname);
  const asking = useRef(false);

  useEffect(() => {
    if (blocker.state !== 'blocked' || asking.current) return;
    asking.current = true;
    void modal.confirm({
      title: texts.title,
      content: texts.content,
      okText: texts.ok,
      cancelText: texts.cancel,
      okButtonProps: { danger: true },
      onOk: () => {
        asking.current = false;
        blocker.proceed();
      },
      onCancel: () => {
        asking.current = false;
        blocker.reset();
      },
    });
  }, [blocker, modal, texts.cancel, texts.content, texts.ok, texts.title]);

  return useCallback(() => {
    allowed.current = true;
  }, []);
}
