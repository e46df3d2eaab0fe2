// The measures are pure and the walking mode needs them in the browser: they live in $lib/trails.
export * from '../../../trails/measure';
