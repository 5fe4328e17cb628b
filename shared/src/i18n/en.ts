/**
 * The English catalogue defines the keys. `ru.ts` and `ky.ts` must provide every key with the same
 * `{placeholders}`; TypeScript (via `satisfies TMessages`) and catalogue.test.ts enforce that.
 * Keys are flat dotted names so that a missing or extra key is a one-line diff.
 */
export const en = {
  'site.name': 'Koldoo',
  'site.tagline': 'Villages and the diaspora, together',
  'site.description': 'Village councils of Kyrgyzstan publish their needs; Kyrgyz people abroad pledge money and skills.',

  'skip.toMain': 'Skip to main content',
  'nav.label': 'Main menu',
  'nav.home': 'Home',
  'nav.signIn': 'Sign in',
  'nav.register': 'Register',
  'nav.account': 'My account',
  'nav.signOut': 'Sign out',

  'locale.label': 'Language',
  'locale.choose': 'Choose a language',
  'locale.name.ky': 'Кыргызча',
  'locale.name.ru': 'Русский',
  'locale.name.en': 'English',
  'locale.short.ky': 'КЫР',
  'locale.short.ru': 'РУС',
  'locale.short.en': 'ENG',

  'footer.about': "Koldoo connects Kyrgyzstan's village councils with compatriots around the world.",
  'footer.copyright': '© {year} Koldoo',

  'home.title': 'Koldoo — help for your home village',
  'home.heading': 'Support your home village',
  'home.lead':
    'Village councils publish what their village needs — a school roof, clean water, medicine for the health post. Kyrgyz people abroad pledge money or their skills.',
  'home.cta': 'Join for free',
  'home.audiences.heading': 'Who Koldoo is for',
  'home.councils.title': 'Village councils',
  'home.councils.text': "Publish your village's needs and report openly on the money raised.",
  'home.donors.title': 'Diaspora donors',
  'home.donors.text': 'Find your village, pledge money to a specific need and follow the result.',
  'home.doctors.title': 'Volunteer doctors',
  'home.doctors.text': 'Give your time and experience: see patients in a village or consult online.',
  'home.findVillage.heading': 'Find your village',
  'home.findVillage.text': 'Choose a region or a city.',

  'field.email.label': 'Email',
  'field.displayName.label': 'Your name',
  'field.displayName.hint': 'Other members will see this name.',
  'field.password.label': 'Password',
  'field.password.hint': 'At least {min} characters.',

  'validation.summary': 'Please check the following:',
  'validation.required': 'Fill in this field.',
  'validation.email': 'Enter a valid email address, like name@example.com',
  'validation.passwordTooShort': 'The password must be at least {min} characters long.',
  'validation.tooLong': 'Too long: at most {max} characters.',
  'validation.invalid': 'Check this field.',

  'register.title': 'Create an account',
  'register.intro': 'Create an account to start supporting village needs.',
  'register.submit': 'Create account',
  'register.haveAccount': 'Already have an account?',
  'register.signInLink': 'Sign in',

  'login.title': 'Sign in',
  'login.submit': 'Sign in',
  'login.noAccount': 'No account yet?',
  'login.registerLink': 'Create one',

  'logout.title': 'Sign out',
  'logout.confirm': 'Sign out of your account?',
  'logout.submit': 'Yes, sign out',

  'me.title': 'My account',
  'me.greeting': 'Hello, {name}!',
  'me.details': 'Account details',
  'me.name': 'Name',
  'me.email': 'Email',
  'me.roles': 'Roles',
  'me.memberSince': 'Member since',

  'role.member': 'Member',
  'role.council_official': 'Council official',
  'role.moderator': 'Moderator',

  'error.VALIDATION_FAILED': 'Some fields are not filled in correctly.',
  'error.MALFORMED_JSON': 'The request was malformed. Reload the page and try again.',
  'error.UNAUTHENTICATED': 'Please sign in to continue.',
  'error.INVALID_CREDENTIALS': 'Wrong email or password.',
  'error.FORBIDDEN': 'You are not allowed to do this.',
  'error.CSRF_REJECTED': 'The request was rejected for security reasons. Reload the page and try again.',
  'error.NOT_FOUND': 'Nothing was found.',
  'error.EMAIL_TAKEN': 'An account with this email already exists.',
  'error.CONFLICT': 'The data changed in the meantime. Reload the page and try again.',
  'error.PAYLOAD_TOO_LARGE': 'Too much data was sent.',
  'error.RATE_LIMITED': 'Too many attempts. Please try again a little later.',
  'error.SERVICE_UNAVAILABLE': 'The service is temporarily unavailable. Please try again shortly.',
  'error.INTERNAL': 'Something went wrong on our side. We are looking into it.',
  'error.rateLimitedRetry': 'Too many attempts. Try again in {minutes} min.',

  'errorPage.title': 'Error',
  'errorPage.notFoundHeading': 'Page not found',
  'errorPage.notFoundText': 'The link may be out of date, or the address may be mistyped.',
  'errorPage.genericHeading': 'Something went wrong',
  'errorPage.genericText': 'Reload the page or come back a little later.',
  'errorPage.status': 'Error code: {status}',
  'errorPage.backHome': 'Back to the home page',
} as const;

export type TMessageKey = keyof typeof en;
/** The shape every catalogue must satisfy: exactly the English keys, each a string. */
export type TMessages = { readonly [K in TMessageKey]: string };
