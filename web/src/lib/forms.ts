import type { SubmitFunction } from '$app/forms';

/**
 * The `use:enhance` callback of our forms: reports "busy" while the request runs, and on a failed
 * submit empties password inputs, as the no-JavaScript round trip does (passwords are never echoed).
 */
export function enhancedSubmit(setBusy: (isBusy: boolean) => void): SubmitFunction {
  return () => {
    setBusy(true);
    return async ({ result, formElement, update }) => {
      if (result.type === 'failure') {
        for (const input of formElement.querySelectorAll<HTMLInputElement>('input[type="password"]')) input.value = '';
      }
      await update();
      setBusy(false);
    };
  };
}
