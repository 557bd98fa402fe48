// Bundled into the popup during the benchmark: Fuse.js, the fuzzy search developers usually reach for.
import Fuse from 'fuse.js';

export { Fuse };
