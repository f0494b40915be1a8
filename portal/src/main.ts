import { start } from './app';

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
