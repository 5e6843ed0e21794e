/** The app's id: electron-builder.yml's appId (macOS bundle id, Windows AppUserModelID); a unit test keeps the two equal. */
export const APP_ID = 'org.motifcontrol.desktop';
