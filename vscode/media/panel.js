// The statement panel's only script: buttons post their action to the extension.
(function () {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', event => {
    const button = event.target.closest('button[data-action]');
    if (button) {
      button.disabled = true;
      vscode.postMessage({ action: button.dataset.action });
    }
  });
})();
