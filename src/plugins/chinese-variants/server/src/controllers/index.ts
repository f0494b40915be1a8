import health from './health';
import convert from './convert';
import admin from './admin';

export default { health, convert, admin };
