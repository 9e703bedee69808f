// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  interface ImportMetaEnv {
    /** True in a static build (`BRIEFING_ADAPTER=static`), set by vite.config.ts. */
    readonly BRIEFING_STATIC: boolean;
  }

  namespace App {
    interface Error {
      message: string;
    }
  }
}

export {};
