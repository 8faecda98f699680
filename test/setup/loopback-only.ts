// Every test process refuses non-loopback connections (see loopback-guard.js).
import './loopback-guard.js';
