; Inno Setup 6 script: per-machine install of the one-folder build in dist\injury-desk.
;
;   uv run --with pyinstaller python installer/build.py --smoke
;   iscc /DAppVersion=0.1.0 installer\injury_desk.iss        -> dist\installer\injury-desk-0.1.0-setup.exe
;
; The installer ships the program only. It creates no database and no settings: every user's data
; lives in the platformdirs user data folder (%LOCALAPPDATA%\injury-desk\injury-desk), created by the
; application on first start, and is left in place on uninstall.

#define AppName "Injury Desk"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppPublisher "Work-Related Injury Insurance Agency"
#define GuiExe "injury-desk.exe"
#define CliExe "injury-desk-cli.exe"
#define BuildDir "..\dist\injury-desk"

[Setup]
; AppId identifies the product for upgrades and uninstall: never change it between versions.
AppId={{5DE6111D-96A3-4290-8E58-3BAB49386246}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
; per-machine, under Program Files (64-bit on a 64-bit Windows)
PrivilegesRequired=admin
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist\installer
OutputBaseFilename=injury-desk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName}
; an upgrade closes a running copy instead of failing on locked files
CloseApplications=yes
RestartApplications=no
; Code signing (see installer/README.md): define a sign tool in the Inno Setup IDE or on the command line,
;   iscc "/Ssigntool=signtool.exe sign /fd sha256 /tr http://timestamp.example /td sha256 /a $f" ...
; and uncomment the next line; setup.exe and the uninstaller are then signed as they are written.
;SignTool=signtool

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; the whole one-folder build: both executables and _internal\ (Python, Qt, forms, fonts, rules,
; translations, migrations). No data files: nothing here is written at run time.
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; an upgrade replaces the bundle wholesale, so modules dropped by a newer build do not linger
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"
Name: "{group}\{#AppName} command line"; Filename: "{cmd}"; Parameters: "/k {#CliExe} --help"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
; started as the user who ran setup, not the elevated installer, so the data folder is the user's own
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent runasoriginaluser

[UninstallDelete]
; byte-code Python may leave beside the migration scripts if the app ever ran elevated
Type: filesandordirs; Name: "{app}\_internal\injury_desk\store\migrations\__pycache__"
Type: filesandordirs; Name: "{app}\_internal\injury_desk\store\migrations\versions\__pycache__"
