/** Types of bench/national.mjs, for the tests that generate its workload. */
export declare const POLICY: string;
export declare const AS_OF: string;
export declare function generateNational(dir: string, count: number, seed?: number): { units: string; data: string };
