# Sign-in hardening (issue 10): lockout.
T = [
    ("TR_LockedOut", "Too many wrong passwords: sign-in is locked. Try again in {0} minutes.",
     "Terlalu banyak kata sandi salah: masuk dikunci. Coba lagi dalam {0} menit."),
]
