declare module 'vitest' {
  export interface ProvidedContext {
    /** DynamoDB Local started for this run (integration project). */
    dynamoEndpoint: string;
    /** The whole platform started for this run (browser project). */
    baseUrl: string;
  }
}
export {};
