// Types of supported-node.js (plain JavaScript, so that it runs before anything is built).
export declare const OLDEST_SUPPORTED_MAJOR: number;
export declare function unsupportedNode(version?: string): string | undefined;
export declare function exitUnlessSupportedNode(command: string): void;
export declare function reportingNodeVersion(version: string): string;
