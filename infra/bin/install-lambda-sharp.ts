import { installLambdaSharp } from '../src/cdk/lambda-sharp.ts';

/** `npm run deploy`'s first step (`predeploy`): sharp's linux-arm64 build for the API bundle (README). */
installLambdaSharp();
