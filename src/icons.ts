/** The extension's icons, themed through the jp-icon3 class. */
import { LabIcon } from '@jupyterlab/ui-components';

import checkSvg from '../style/icons/check.svg';
import jaxlingsSvg from '../style/icons/jaxlings.svg';

export const jaxlingsIcon = new LabIcon({ name: 'jaxlings:logo', svgstr: jaxlingsSvg });
export const checkIcon = new LabIcon({ name: 'jaxlings:check', svgstr: checkSvg });
