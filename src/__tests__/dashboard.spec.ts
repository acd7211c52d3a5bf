import { describe, expect, it } from 'vitest';

import { dashboardUrl } from '../dashboard';

describe('the class dashboard address', () => {
  it('is the service beside the hub, with the lab’s theme', () => {
    expect(dashboardUrl('', '/hub/', 'dark')).toBe('/services/jaxlings/?theme=dark');
    expect(dashboardUrl('https://hub.example.org', '/jhub/hub/', null)).toBe(
      'https://hub.example.org/jhub/services/jaxlings/'
    );
  });

  it('does not exist outside JupyterHub', () => {
    expect(dashboardUrl('', '', 'light')).toBeNull();
  });
});
